/** Reading user-supplied data: NumPy .npy and CSV matrices, checked for dtype, shape and finite values. */
package org.rcsweep.io;
