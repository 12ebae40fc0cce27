package org.rcsweep.io;

/**
 * What a caller expects of a weight file's shape, checked by the readers as soon as the shape is known (for a .npy
 * file: from the header, before any value is read). Throws {@link WeightFileException} on a mismatch.
 */
@FunctionalInterface
interface ShapeCheck {
    ShapeCheck ANY = (rows, cols) -> { };

    void check(int rows, int cols);
}
