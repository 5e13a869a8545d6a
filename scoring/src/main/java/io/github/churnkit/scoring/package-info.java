/**
 * churnkit-scoring (work in progress: see the module map in the README).
 */
package io.github.churnkit.scoring;
