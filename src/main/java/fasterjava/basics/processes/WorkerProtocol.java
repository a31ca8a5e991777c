package fasterjava.basics.processes;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.CRC32;

/**
 * What a parent and a worker process say to each other over the worker's standard input and output: binary
 * requests and answers ({@link DataOutputStream} big-endian). A request is a kind byte and its arguments; every
 * request but {@link #STOP} gets one answer, a long.
 *
 * <ul>
 *   <li>{@link #SUM} {@code from to} (two longs): the {@link HashWork} sum over {@code [from, to)};
 *   <li>{@link #CHECKSUM} {@code length} (an int) then that many bytes: their CRC-32, which shows the bytes
 *       crossed intact and makes the worker read every one;
 *   <li>{@link #STOP}: the worker exits.
 * </ul>
 */
final class WorkerProtocol {
    static final byte STOP = 0;
    static final byte SUM = 1;
    static final byte CHECKSUM = 2;
    private static final int CHUNK = 1 << 16;

    private WorkerProtocol() {
    }

    static void writeSum(DataOutputStream out, long from, long to) throws IOException {
        out.writeByte(SUM);
        out.writeLong(from);
        out.writeLong(to);
        out.flush();
    }

    static void writeChecksum(DataOutputStream out, byte[] data) throws IOException {
        out.writeByte(CHECKSUM);
        out.writeInt(data.length);
        out.write(data);
        out.flush();
    }

    static void writeStop(DataOutputStream out) throws IOException {
        out.writeByte(STOP);
        out.flush();
    }

    /** The answer to a request: the sum or the checksum. */
    static void writeAnswer(DataOutputStream out, long value) throws IOException {
        out.writeLong(value);
        out.flush();
    }

    static long readAnswer(DataInputStream in) throws IOException {
        return in.readLong();
    }

    /**
     * The worker's side: answers requests from {@code in} on {@code out} until {@link #STOP} or the end of the
     * input; returns how many it answered.
     */
    static int serve(DataInputStream in, DataOutputStream out) throws IOException {
        int answered = 0;
        while (true) {
            int kind;
            try {
                kind = in.readByte();
            } catch (EOFException e) {
                return answered; // the parent closed our input: same as STOP
            }
            if (kind == STOP) {
                return answered;
            }
            long value = switch (kind) {
                case SUM -> HashWork.sum(in.readLong(), in.readLong());
                case CHECKSUM -> checksum(in, in.readInt());
                default -> throw new IOException("unknown request kind " + kind);
            };
            writeAnswer(out, value);
            answered++;
        }
    }

    private static long checksum(DataInputStream in, int length) throws IOException {
        if (length < 0) {
            throw new IOException("negative length " + length);
        }
        CRC32 crc = new CRC32();
        byte[] chunk = new byte[CHUNK];
        for (int left = length; left > 0; ) {
            int n = in.read(chunk, 0, Math.min(chunk.length, left));
            if (n < 0) {
                throw new EOFException("input ended " + left + " bytes before the announced " + length);
            }
            crc.update(chunk, 0, n);
            left -= n;
        }
        return crc.getValue();
    }
}
