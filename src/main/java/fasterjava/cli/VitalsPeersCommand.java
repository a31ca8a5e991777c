package fasterjava.cli;

import fasterjava.peers.Peers;
import fasterjava.peers.PeersReport;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code faster vitals peers}: the vitals ladder beside its Python versions. */
@Command(name = "peers", mixinStandardHelpOptions = true,
        description = {"Run the Java ladder and the Python versions (V1 loop, V2 group-by, V3 NumPy, Numba) on the "
                + "same generated patients; verify every Python result against Java; print the table and write "
                + "results/vitals-peers.{csv,md,png}.",
            "Needs /usr/bin/python3 with Debian's python3-numpy, python3-pandas, python3-numba (bin/faster installs "
                + "them when it can); without them the Python rows are skipped with a message."})
final class VitalsPeersCommand extends PeersCommand {
    @Option(names = "--patients", defaultValue = "500", paramLabel = "N",
            description = "Patients to generate (seed 42, 365 days; default: ${DEFAULT-VALUE}, the case study's).")
    int patients;

    @Override
    PeersReport run(Consumer<String> log) {
        if (patients < 1) {
            throw new IllegalArgumentException("--patients must be at least 1, got " + patients);
        }
        return Peers.vitals(patients, log);
    }
}
