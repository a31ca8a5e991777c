package fasterjava.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fasterjava.util.ProjectPaths;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The Spark module's pom repeats what Maven cannot inherit from the top pom (it is no parent: a parent must have
 * packaging pom): the project version, the Java release, the plugin versions and the Scala suffix of Spark's
 * artifacts. This fails when they drift apart.
 */
class BuildConsistencyTest {
    private final Document top = read(ProjectPaths.root().resolve("pom.xml"));
    private final Document spark = read(ProjectPaths.root().resolve("src/spark/pom.xml"));

    @Test
    void versionAndJavaReleaseAreTheCores() {
        assertEquals(child(top.getDocumentElement(), "version"), child(spark.getDocumentElement(), "version"));
        assertEquals(property(top, "maven.compiler.release"), property(spark, "maven.compiler.release"));
    }

    @Test
    void pluginsSharedWithTheTopPomHaveItsVersions() {
        Map<String, String> topPlugins = pluginVersions(top);
        Map<String, String> sparkPlugins = pluginVersions(spark);
        assertFalse(sparkPlugins.isEmpty());
        for (Map.Entry<String, String> plugin : sparkPlugins.entrySet()) {
            String topVersion = topPlugins.get(plugin.getKey());
            if (topVersion != null) {
                assertEquals(topVersion, plugin.getValue(), plugin.getKey());
            }
        }
        assertTrue(sparkPlugins.keySet().containsAll(java.util.List.of("maven-compiler-plugin",
                "maven-surefire-plugin", "maven-dependency-plugin")));
    }

    @Test
    void sparkArtifactsUseTheTopPomsScalaVersion() {
        String suffix = "_" + property(top, "scala.binary.version");
        NodeList artifacts = spark.getElementsByTagName("artifactId");
        boolean found = false;
        for (int i = 0; i < artifacts.getLength(); i++) {
            String artifact = artifacts.item(i).getTextContent().trim();
            if (artifact.startsWith("spark-")) {
                assertTrue(artifact.endsWith(suffix), artifact + " should end in " + suffix);
                found = true;
            }
        }
        assertTrue(found, "the Spark module depends on a spark-* artifact");
    }

    /** Every plugin declared anywhere in the pom (plugins and pluginManagement), by artifactId. */
    private static Map<String, String> pluginVersions(Document pom) {
        Map<String, String> versions = new LinkedHashMap<>();
        NodeList plugins = pom.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element plugin = (Element) plugins.item(i);
            String version = child(plugin, "version");
            if (version != null) {
                versions.put(child(plugin, "artifactId"), version);
            }
        }
        return versions;
    }

    private static String property(Document pom, String name) {
        Element properties = (Element) pom.getElementsByTagName("properties").item(0);
        String value = child(properties, name);
        if (value == null) {
            throw new AssertionError("no property " + name);
        }
        return value;
    }

    /** The text of {@code parent}'s direct child {@code name}, or null. */
    private static String child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return element.getTextContent().trim();
            }
        }
        return null;
    }

    private static Document read(Path file) {
        try {
            return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        } catch (Exception e) {
            throw new AssertionError("cannot read " + file, e);
        }
    }
}
