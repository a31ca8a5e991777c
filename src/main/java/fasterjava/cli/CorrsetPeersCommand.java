package fasterjava.cli;

import fasterjava.peers.Peers;
import fasterjava.peers.PeersReport;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code faster corrset peers}: the k-corrset ladder beside its Python versions. */
@Command(name = "peers", mixinStandardHelpOptions = true,
        description = {"Run the Java ladder and the Python versions (pandas, dict/set, NumPy, Numba) on the same "
                + "data and the same first combinations; verify every Python result against Java; print the table "
                + "and write results/corrset-peers.{csv,md,png}.",
            "Needs /usr/bin/python3 with Debian's python3-numpy, python3-pandas, python3-numba (bin/faster installs "
                + "them when it can); without them the Python rows are skipped with a message."})
final class CorrsetPeersCommand extends PeersCommand {
    @Option(names = "--scale", defaultValue = "small", paramLabel = "tiny|small|full",
            description = "tiny: the committed 6000x20 sample; small: full data, short runs; full: the articles' "
                    + "run lengths (default: ${DEFAULT-VALUE}).")
    String scale;

    @Override
    PeersReport run(Consumer<String> log) {
        return Peers.corrset(scale, log);
    }
}
