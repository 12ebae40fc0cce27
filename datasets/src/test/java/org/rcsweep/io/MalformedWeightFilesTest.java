package org.rcsweep.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Every malformed weight file is a WeightFileException with one line naming the file and the cause. */
class MalformedWeightFilesTest {
    private static final String C_2X2 = "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2), }";

    /** A .npy file with the given version, header text (padded as numpy does) and data bytes. */
    static Path npy(Path file, int major, String header, byte[] data) throws IOException {
        int preamble = major == 1 ? 10 : 12;
        int pad = (64 - (preamble + header.length() + 1) % 64) % 64;
        byte[] text = (header + " ".repeat(pad) + "\n").getBytes(StandardCharsets.UTF_8);
        return raw(file, major, text.length, text, data);
    }

    /** A .npy file whose preamble states {@code headerLength} whatever the header bytes that follow. */
    static Path raw(Path file, int major, long headerLength, byte[] header, byte[] data) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(12 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        if (major == 1) {
            buf.putShort((short) headerLength);
        } else {
            buf.putInt((int) headerLength);
        }
        buf.put(header).put(data);
        Files.write(file, java.util.Arrays.copyOf(buf.array(), buf.position()));
        return file;
    }

    static byte[] doubles(double... values) {
        ByteBuffer buf = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            buf.putDouble(v);
        }
        return buf.array();
    }

    static String dict(String descr, String fortran, String shape) {
        return "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
    }

    /** Reads {@code file} expecting a WeightFileException whose one-line message starts with the file and says why. */
    static void rejects(Path file, String cause) {
        rejects(file, cause, WeightFiles::read);
    }

    static void rejects(Path file, String cause, Function<Path, ?> reader) {
        WeightFileException e = assertThrows(WeightFileException.class, () -> reader.apply(file));
        String message = e.getMessage();
        assertTrue(message.startsWith(file + ": "), message);
        assertTrue(message.contains(cause), "expected '" + cause + "' in: " + message);
        assertFalse(message.contains("\n"), message);
    }

    // ---- .npy ---------------------------------------------------------------------------------------------------

    @Test
    void truncatedData(@TempDir Path dir) throws IOException {
        rejects(npy(dir.resolve("w.npy"), 1, dict("<f8", "False", "(20, 20)"), new byte[1000]),
                "truncated: the header says 400 values (3200 bytes) but the file has 1000 bytes after the header");
    }

    @Test
    void trailingData(@TempDir Path dir) throws IOException {
        rejects(npy(dir.resolve("w.npy"), 1, C_2X2, new byte[40]),
                "the header says 4 values (32 bytes) but the file has 40 bytes after the header (trailing data)");
    }

    @Test
    void negativeDimension(@TempDir Path dir) throws IOException {
        rejects(npy(dir.resolve("w.npy"), 1, dict("<f8", "False", "(-1, 3)"), new byte[0]),
                "shape (-1, 3) is not a list of non-negative integers");
    }

    @Test
    void python2LongDimension(@TempDir Path dir) throws IOException {
        rejects(npy(dir.resolve("w.npy"), 1, dict("<f8", "False", "(20L, 3)"), new byte[480]),
                "shape (20L, 3) is not a list of non-negative integers");
    }

    @Test
    void nonNumericAndEmptyDimensions(@TempDir Path dir) throws IOException {
        rejects(npy(dir.resolve("a.npy"), 1, dict("<f8", "False", "(2, x)"), new byte[0]),
                "shape (2, x) is not a list of non-negative integers");
        rejects(npy(dir.resolve("b.npy"), 1, dict("<f8", "False", "(2,, 3)"), new byte[0]),
                "shape (2,, 3) is not a list of non-negative integers");
        rejects(npy(dir.resolve("c.npy"), 1, dict("<f8", "False", "'2, 3'"), new byte[0]),
                "shape '2, 3' is not a tuple");
    }

    @Test
    void hugeDimensionsAndCounts(@TempDir Path dir) throws IOException {
        rejects(npy(dir.resolve("a.npy"), 1, dict("<f8", "False", "(99999999999999999999999, 1)"), new byte[8]),
                "has a dimension larger than 2147483647");
        rejects(npy(dir.resolve("b.npy"), 1, dict("<f8", "False", "(100000, 100000)"), new byte[8]),
                "shape (100000, 100000) holds 10000000000 values, more than the 268435456 (2^28)");
    }

    @Test
    void wrongNumberOfDimensionsOrNoValues(@TempDir Path dir) throws IOException {
        rejects(npy(dir.resolve("a.npy"), 1, dict("<f8", "False", "(2, 2, 2)"), doubles(new double[8])),
                "shape (2, 2, 2) is not 1-D or 2-D");
        rejects(npy(dir.resolve("b.npy"), 1, dict("<f8", "False", "()"), doubles(1)),
                "shape () is not 1-D or 2-D");
        rejects(npy(dir.resolve("c.npy"), 1, dict("<f8", "False", "(0, 3)"), new byte[0]),
                "shape (0, 3) holds no values");
    }

    @Test
    void headerLengthOfFourGigabytes(@TempDir Path dir) throws IOException {
        rejects(raw(dir.resolve("w.npy"), 2, 4_000_000_000L, C_2X2.getBytes(StandardCharsets.UTF_8), new byte[0]),
                "header length 4000000000 exceeds 65535 bytes");
    }

    @Test
    void headerLongerThanTheFile(@TempDir Path dir) throws IOException {
        rejects(raw(dir.resolve("w.npy"), 1, 60_000, C_2X2.getBytes(StandardCharsets.UTF_8), new byte[0]),
                "truncated: the header length is 60000 bytes but the file has " + C_2X2.length()
                        + " bytes after the preamble");
    }

    @Test
    void truncatedPreamble(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("w.npy");
        Files.write(file, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 64});
        rejects(file, "truncated: the file ends inside the preamble (9 bytes)");
        Files.write(file, new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, 64, 0});
        rejects(file, "truncated: the file ends inside the preamble (10 bytes)");
    }

    @Test
    void magicStringMissing(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("w.npy");
        Files.writeString(file, "1, 2\n3, 4\n");
        rejects(file, "not a .npy file (magic string \\x93NUMPY missing)");
        Files.write(file, new byte[] {(byte) 0x93, 'N'});
        rejects(file, "not a .npy file (magic string \\x93NUMPY missing)");
    }

    @Test
    void unsupportedVersion(@TempDir Path dir) throws IOException {
        rejects(npy(dir.resolve("w.npy"), 4, C_2X2, doubles(1, 2, 3, 4)), "format version 4.0 not supported");
    }

    @Test
    void unsupportedDtype(@TempDir Path dir) throws IOException {
        rejects(npy(dir.resolve("a.npy"), 1, dict("<f2", "False", "(2, 2)"), new byte[8]),
                "dtype '<f2' not supported (supported: float64 '<f8'/'>f8' and float32 '<f4'/'>f4'");
        rejects(npy(dir.resolve("b.npy"), 1, dict("<i8", "False", "(2, 2)"), new byte[32]),
                "dtype '<i8' not supported");
        rejects(npy(dir.resolve("c.npy"), 1,
                "{'descr': [('a', '<f8')], 'fortran_order': False, 'shape': (2,), }", new byte[16]),
                "header is malformed: unexpected '[' at offset 10 (structured dtypes are not supported)");
    }

    @Test
    void fortranOrderMustBeABoolean(@TempDir Path dir) throws IOException {
        rejects(npy(dir.resolve("w.npy"), 1, dict("<f8", "1", "(2, 2)"), doubles(1, 2, 3, 4)),
                "fortran_order 1 is not True or False");
    }

    @Test
    void headerMustBeExactlyTheThreeKeys(@TempDir Path dir) throws IOException {
        rejects(npy(dir.resolve("a.npy"), 1, "{'descr': '<f8', 'fortran_order': False, }", doubles(1)),
                "header has no 'shape'");
        rejects(npy(dir.resolve("b.npy"), 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}",
                doubles(1)), "header has an unknown key 'x'");
        rejects(npy(dir.resolve("c.npy"), 1, "{'descr': '<f8', 'descr': '<f8', 'fortran_order': False, "
                + "'shape': (1,)}", doubles(1)), "header has the key 'descr' twice");
        rejects(npy(dir.resolve("d.npy"), 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,", doubles(1)),
                "header is malformed: unclosed '('");
        rejects(npy(dir.resolve("e.npy"), 1, "{'descr': '<f8', 'fortran_order': False, 'shape': (1,)} x",
                doubles(1)), "header is malformed: text after the dictionary");
        rejects(npy(dir.resolve("f.npy"), 1, "'descr': '<f8'", doubles(1)), "header is malformed: expected '{'");
    }

    @Test
    void invalidUtf8HeaderInVersion3(@TempDir Path dir) throws IOException {
        byte[] header = (C_2X2 + "\n").getBytes(StandardCharsets.UTF_8);
        header[12] = (byte) 0xff;
        rejects(raw(dir.resolve("w.npy"), 3, header.length, header, doubles(1, 2, 3, 4)),
                "header is not valid UTF-8");
    }

    @Test
    void nonFiniteNpyValues(@TempDir Path dir) throws IOException {
        rejects(npy(dir.resolve("a.npy"), 1, C_2X2, doubles(1, 2, 3, Double.POSITIVE_INFINITY)),
                "row 2, column 2 (index [1, 1]) is Infinity: weights must be finite");
        rejects(npy(dir.resolve("b.npy"), 1, dict("<f8", "False", "(3,)"), doubles(0, Double.NaN, 0)),
                "row 2, column 1 (index [1]) is NaN: weights must be finite");
    }

    @Test
    void expectedShapeIsCheckedBeforeTheData(@TempDir Path dir) throws IOException {
        // The data are truncated, but the shape is wrong first: the caller's expectation is checked from the header.
        Path file = npy(dir.resolve("w.npy"), 1, dict("<f8", "False", "(2, 3)"), new byte[3]);
        rejects(file, "shape 2 × 3 is not square", WeightFiles::square);
        rejects(file, "does not match an input weight vector of length N = 6", f -> WeightFiles.vector(f, 6));
        rejects(npy(dir.resolve("v.npy"), 1, dict("<f8", "False", "(5,)"), new byte[3]),
                "shape 5 × 1 does not match an input weight vector of length N = 4", f -> WeightFiles.vector(f, 4));
    }

    // ---- CSV ----------------------------------------------------------------------------------------------------

    static Path csv(Path dir, String text) throws IOException {
        return Files.writeString(dir.resolve("w.csv"), text);
    }

    @Test
    void raggedRows(@TempDir Path dir) throws IOException {
        rejects(csv(dir, "1,2,3,4,5\n1,2,3,4,5\n1,2,3,4\n"), "row 3 has 4 values, row 1 has 5");
        rejects(csv(dir, "# weights\n1 2\n\n3\n"), "row 2 (line 4) has 1 value, row 1 has 2");
    }

    @Test
    void nonNumericCells(@TempDir Path dir) throws IOException {
        rejects(csv(dir, "1, 2\n3, x\n"), "row 2, column 2: 'x' is not a number");
        rejects(csv(dir, "1.5f 2\n"), "row 1, column 1: '1.5f' is not a number");
        rejects(csv(dir, "0x10 2\n"), "row 1, column 1: '0x10' is not a number");
        rejects(csv(dir, "1 2 # note\n"), "row 1, column 3: '#' is not a number");
        rejects(csv(dir, "1,,2\n"), "row 1, column 2 is empty");
        rejects(csv(dir, ",1\n"), "row 1, column 1 is empty");
        rejects(csv(dir, "1 " + "9".repeat(500) + "\n"), "row 1, column 2 is longer than 400 characters");
    }

    @Test
    void nonFiniteCsvValues(@TempDir Path dir) throws IOException {
        rejects(csv(dir, "1, 2\n3, NaN\n"), "row 2, column 2 is NaN: weights must be finite");
        rejects(csv(dir, "-inf 2\n"), "row 1, column 1 is -Infinity: weights must be finite");
        rejects(csv(dir, "1 Infinity\n"), "row 1, column 2 is Infinity: weights must be finite");
        rejects(csv(dir, "1 1e999\n"), "row 1, column 2 is 1e999, beyond the float64 range: weights must be finite");
    }

    @Test
    void emptyCsv(@TempDir Path dir) throws IOException {
        rejects(csv(dir, ""), "is empty");
        rejects(csv(dir, "# only a comment\n\n  \n"), "holds no values");
    }

    @Test
    void csvThatIsNotUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("w.csv");
        Files.write(file, new byte[] {'1', ' ', (byte) 0xff, '\n'});
        rejects(file, "is not UTF-8 text");
    }

    @Test
    void csvEdgeCasesThatAreAccepted(@TempDir Path dir) throws IOException {
        Matrix m = WeightFiles.read(csv(dir, "\uFEFF# W\r\n 1, -2.5e-1,\r\n\t+.5 ,3.\r\n"));
        assertEquals(2, m.rows());
        assertEquals(2, m.cols());
        assertArrayEquals(new double[] {1, -0.25, 0.5, 3}, m.values(), 0.0);
    }

    // ---- files that are not weight files ------------------------------------------------------------------------

    @Test
    void devZeroIsRefusedAtOnce(@TempDir Path dir) throws IOException {
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero on this system");
        Path link = Files.createSymbolicLink(dir.resolve("w.npy"), zero);
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> {
            rejects(zero, "is not a regular file (a device, FIFO or socket)");
            rejects(link, "is not a regular file (a device, FIFO or socket)");
            rejects(link, "is not a regular file", NpyReader::read);
            rejects(zero, "is not a regular file", CsvMatrixReader::read);
        });
    }

    @Test
    void fifoIsRefusedWithoutBlocking(@TempDir Path dir) throws Exception {
        Path fifo = dir.resolve("w.csv");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (IOException e) {
            made = false;
        }
        assumeTrue(made, "mkfifo is not available");
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> rejects(fifo, "is not a regular file"));
    }

    @Test
    void directoryAndMissingFile(@TempDir Path dir) throws IOException {
        rejects(Files.createDirectory(dir.resolve("d.npy")), "is not a regular file (a directory)");
        rejects(dir.resolve("missing.csv"), "does not exist");
    }

    @Test
    void fileLargerThanTheCapIsRefusedBeforeReading(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("big.csv");
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(WeightFiles.MAX_BYTES + 1); // sparse: no data written
        }
        assertTimeoutPreemptively(Duration.ofSeconds(1), () -> rejects(file,
                "has 4294967297 bytes, more than the 4294967296 (4 GiB) a weight file may have"));
    }

    // ---- valid files still read ---------------------------------------------------------------------------------

    @Test
    void validNpyRoundTrips(@TempDir Path dir) throws IOException {
        for (int major = 1; major <= 3; major++) {
            Matrix m = WeightFiles.read(npy(dir.resolve("m" + major + ".npy"), major,
                    dict("<f8", "False", "(2, 3)"), doubles(1, 2, 3, 4, 5, 6)));
            assertEquals(2, m.rows());
            assertEquals(3, m.cols());
            assertArrayEquals(new double[] {1, 2, 3, 4, 5, 6}, m.values(), 0.0);
        }
        Matrix v = WeightFiles.read(npy(dir.resolve("v.npy"), 1, dict("<f8", "False", "(3,)"), doubles(-1, 0, 1)));
        assertEquals(3, v.rows());
        assertEquals(1, v.cols());
        assertArrayEquals(new double[] {-1, 0, 1}, v.values(), 0.0);
        assertArrayEquals(new double[] {-1, 0, 1}, WeightFiles.vector(dir.resolve("v.npy"), 3), 0.0);
        Matrix f = WeightFiles.square(npy(dir.resolve("f.npy"), 1, dict("<f8", "True", "(2, 2)"),
                doubles(1, 3, 2, 4)));
        assertArrayEquals(new double[] {1, 2, 3, 4}, f.values(), 0.0);
        Matrix spaced = WeightFiles.read(npy(dir.resolve("s.npy"), 1,
                "{\"descr\":\"<f8\",\"fortran_order\":False,\"shape\":(1,2)}", doubles(7, 8)));
        assertArrayEquals(new double[] {7, 8}, spaced.values(), 0.0);
    }
}
