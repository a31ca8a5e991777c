package fasterjava.basics.anagrams;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Two ways to find the anagram groups in a list of words: comparing the letter counts of every pair of words
 * (O(n²) comparisons), and grouping by a canonical form, the word's letters sorted (O(n) words, each sorted in
 * O(k log k) for k letters). Both take words already {@link #normalize normalized} and return the groups of two or
 * more words, in no particular order; {@link #sorted} puts groups in a comparable order.
 */
public final class Anagrams {
    private static final int LETTERS = 26;

    private Anagrams() {
    }

    /**
     * The words as the anagram finders see them: lower-cased; words with anything but the letters a–z after that
     * (apostrophes as in "Aaron's", hyphens, accented letters, digits) left out; each word kept once, in first
     * occurrence order. So "Listen" and "silent" are anagrams, and "Polish" and "polish" are one word.
     */
    public static List<String> normalize(List<String> words) {
        Set<String> kept = new LinkedHashSet<>();
        for (String word : words) {
            String lower = word.strip().toLowerCase(Locale.ROOT);
            if (!lower.isEmpty() && lower.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
                kept.add(lower);
            }
        }
        return List.copyOf(kept);
    }

    /**
     * Every pair of words compared by their letter counts: the i-th word starts a group unless an earlier word
     * took it, and collects every later word with the same counts. The counts are made once per word; the pairs
     * are what make it quadratic.
     */
    public static List<List<String>> pairwise(List<String> words) {
        int n = words.size();
        int[][] counts = new int[n][];
        for (int i = 0; i < n; i++) {
            counts[i] = letterCounts(words.get(i));
        }
        boolean[] grouped = new boolean[n];
        List<List<String>> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (grouped[i]) {
                continue;
            }
            List<String> group = null;
            for (int j = i + 1; j < n; j++) {
                if (!grouped[j] && Arrays.equals(counts[i], counts[j])) {
                    if (group == null) {
                        group = new ArrayList<>();
                        group.add(words.get(i));
                    }
                    group.add(words.get(j));
                    grouped[j] = true;
                }
            }
            if (group != null) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** Words grouped in a hash map by their sorted letters: one pass. */
    public static List<List<String>> canonical(List<String> words) {
        Map<String, List<String>> byKey = new HashMap<>();
        for (String word : words) {
            char[] letters = word.toCharArray();
            Arrays.sort(letters);
            byKey.computeIfAbsent(new String(letters), key -> new ArrayList<>(2)).add(word);
        }
        List<List<String>> groups = new ArrayList<>();
        for (List<String> group : byKey.values()) {
            if (group.size() > 1) {
                groups.add(group);
            }
        }
        return groups;
    }

    /** Each group's words sorted, groups sorted by their first word: a form two results can be compared in. */
    public static List<List<String>> sorted(List<List<String>> groups) {
        List<List<String>> sorted = new ArrayList<>();
        for (List<String> group : groups) {
            sorted.add(group.stream().sorted().toList());
        }
        sorted.sort(Comparator.comparing((List<String> group) -> group.get(0)));
        return sorted;
    }

    private static int[] letterCounts(String word) {
        int[] counts = new int[LETTERS];
        for (int i = 0; i < word.length(); i++) {
            char letter = word.charAt(i);
            if (letter < 'a' || letter > 'z') {
                throw new IllegalArgumentException("not a normalized word (only a-z): '" + word + "'");
            }
            counts[letter - 'a']++;
        }
        return counts;
    }
}
