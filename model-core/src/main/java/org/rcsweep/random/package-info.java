/**
 * Reproducible randomness: a portable generator, its seeding, the independent streams of one sweep point and the
 * content hashes from which point ids and seeds derive. Owns every source of randomness in rcsweep.
 */
package org.rcsweep.random;
