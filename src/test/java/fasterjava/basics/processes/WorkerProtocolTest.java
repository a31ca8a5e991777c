package fasterjava.basics.processes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/** The protocol in memory: requests written as the parent writes them, served as the worker serves them. */
class WorkerProtocolTest {

    private static DataInputStream served(ByteArrayOutputStream requests, int expectedAnswers) throws IOException {
        ByteArrayOutputStream answers = new ByteArrayOutputStream();
        int answered = WorkerProtocol.serve(new DataInputStream(new ByteArrayInputStream(requests.toByteArray())),
                new DataOutputStream(answers));
        assertEquals(expectedAnswers, answered);
        return new DataInputStream(new ByteArrayInputStream(answers.toByteArray()));
    }

    @Test
    void sumsAndChecksumsRoundTripUntilStop() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream requests = new DataOutputStream(bytes);
        byte[] data = new byte[200_000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        WorkerProtocol.writeSum(requests, 10, 1000);
        WorkerProtocol.writeChecksum(requests, data);
        WorkerProtocol.writeSum(requests, 5, 5);
        WorkerProtocol.writeStop(requests);
        WorkerProtocol.writeSum(requests, 0, 1); // after STOP: never answered
        DataInputStream answers = served(bytes, 3);

        long sum = 0;
        for (long i = 10; i < 1000; i++) {
            sum += HashWork.mix(i);
        }
        assertEquals(sum, WorkerProtocol.readAnswer(answers));
        CRC32 crc = new CRC32();
        crc.update(data);
        assertEquals(crc.getValue(), WorkerProtocol.readAnswer(answers));
        assertEquals(0, WorkerProtocol.readAnswer(answers));
        assertEquals(0, answers.available(), "nothing answered after STOP");
    }

    @Test
    void theEndOfInputEndsTheWorkerLikeStop() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        WorkerProtocol.writeSum(new DataOutputStream(bytes), 0, 3);
        served(bytes, 1);
    }

    @Test
    void anUnknownRequestOrCutDataIsAnError() {
        ByteArrayOutputStream unknown = new ByteArrayOutputStream();
        unknown.write(9);
        assertThrows(IOException.class, () -> served(unknown, 0));

        ByteArrayOutputStream cut = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(cut);
        assertThrows(EOFException.class, () -> {
            out.writeByte(WorkerProtocol.CHECKSUM);
            out.writeInt(100);
            out.write(new byte[40]);
            served(cut, 0);
        });
    }
}
