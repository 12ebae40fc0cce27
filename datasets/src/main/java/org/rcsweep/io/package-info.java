/**
 * Reading user-supplied data: NumPy .npy and CSV matrices, checked completely before use (regular file, size cap,
 * header or rows, dtype, shape, finite values); every problem is a {@link org.rcsweep.io.WeightFileException} naming
 * the file.
 */
package org.rcsweep.io;
