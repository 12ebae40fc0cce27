/**
 * Immutable, serializable specifications: reservoir models, correlation settings, input, capacity measurement and
 * the sweep point that combines them. Owns validation of every field (errors name the field and the allowed range)
 * and the canonical text from which point ids are hashed.
 */
package org.rcsweep.spec;
