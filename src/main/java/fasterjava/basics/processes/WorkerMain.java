package fasterjava.basics.processes;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/**
 * The worker process's main class: answers {@link WorkerProtocol} requests on standard input and output until
 * told to stop. It uses only the JDK and this package, so its class path is just the project's classes.
 */
public final class WorkerMain {
    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        // The raw descriptors, buffered: System.out would be a PrintStream, fine for text, wrong for binary.
        DataInputStream in = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(
                FileDescriptor.out)));
        WorkerProtocol.serve(in, out);
        out.flush();
    }
}
