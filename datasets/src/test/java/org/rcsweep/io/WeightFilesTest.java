package org.rcsweep.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightFilesTest {
    /** Writes a .npy file the way numpy.save does (format 1.0, header padded to a multiple of 64). */
    static void writeNpy(Path file, String descr, boolean fortran, String shape, double[] valuesInFileOrder)
            throws IOException {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + (fortran ? "True" : "False") + ", 'shape': ("
                + shape + "), }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        String header = dict + " ".repeat(pad) + "\n";
        int width = descr.endsWith("8") ? 8 : 4;
        ByteBuffer buf = ByteBuffer.allocate(10 + header.length() + valuesInFileOrder.length * width)
                .order(ByteOrder.LITTLE_ENDIAN);
        buf.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        buf.putShort((short) header.length());
        buf.put(header.getBytes(StandardCharsets.ISO_8859_1));
        ByteOrder order = descr.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        buf.order(order);
        for (double v : valuesInFileOrder) {
            if (width == 8) {
                buf.putDouble(v);
            } else {
                buf.putFloat((float) v);
            }
        }
        Files.write(file, buf.array());
    }

    @Test
    void readsFloat64AndFloat32InCAndFortranOrder(@TempDir Path dir) throws IOException {
        double[] c = {1, 2, 3, 4, 5, 6}; // 2 × 3, row-major
        writeNpy(dir.resolve("c.npy"), "<f8", false, "2, 3", c);
        writeNpy(dir.resolve("f.npy"), "<f4", true, "2, 3", new double[] {1, 4, 2, 5, 3, 6});
        writeNpy(dir.resolve("be.npy"), ">f8", false, "2, 3", c);
        for (String name : new String[] {"c.npy", "f.npy", "be.npy"}) {
            Matrix m = WeightFiles.read(dir.resolve(name));
            assertEquals(2, m.rows(), name);
            assertEquals(3, m.cols(), name);
            assertArrayEquals(c, m.values(), 0.0, name);
        }
        writeNpy(dir.resolve("v.npy"), "<f8", false, "3,", new double[] {7, 8, 9});
        assertArrayEquals(new double[] {7, 8, 9}, WeightFiles.vector(dir.resolve("v.npy"), 3), 0.0);
    }

    @Test
    void readsCsv(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("w.csv"), "# recurrent weights\n0.5, -1\n2 3\n");
        Matrix m = WeightFiles.square(dir.resolve("w.csv"));
        assertArrayEquals(new double[] {0.5, -1, 2, 3}, m.values(), 0.0);
    }

    @Test
    void rejectsWrongDtypeShapeAndNonFiniteValues(@TempDir Path dir) throws IOException {
        writeNpy(dir.resolve("i.npy"), "<i8", false, "2, 2", new double[0]);
        assertTrue(assertThrows(WeightFileException.class, () -> WeightFiles.read(dir.resolve("i.npy")))
                .getMessage().contains("dtype '<i8' not supported"));
        writeNpy(dir.resolve("r.npy"), "<f8", false, "2, 3", new double[6]);
        assertTrue(assertThrows(WeightFileException.class, () -> WeightFiles.square(dir.resolve("r.npy")))
                .getMessage().contains("not square"));
        writeNpy(dir.resolve("nan.npy"), "<f8", false, "2, 2", new double[] {1, Double.NaN, 0, 1});
        assertTrue(assertThrows(WeightFileException.class, () -> WeightFiles.read(dir.resolve("nan.npy")))
                .getMessage().contains("row 1, column 2 (index [0, 1]) is NaN: weights must be finite"));
        writeNpy(dir.resolve("v.npy"), "<f8", false, "4,", new double[4]);
        assertTrue(assertThrows(WeightFileException.class, () -> WeightFiles.vector(dir.resolve("v.npy"), 3))
                .getMessage().contains("length N = 3"));
        Files.writeString(dir.resolve("bad.csv"), "1, 2\n3, x\n");
        assertTrue(assertThrows(WeightFileException.class, () -> WeightFiles.read(dir.resolve("bad.csv")))
                .getMessage().contains("row 2, column 2: 'x' is not a number"));
        Files.writeString(dir.resolve("w.bin"), "1");
        assertTrue(assertThrows(WeightFileException.class, () -> WeightFiles.read(dir.resolve("w.bin")))
                .getMessage().contains("unknown format"));
    }
}
