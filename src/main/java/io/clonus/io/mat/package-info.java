/**
 * Reading MATLAB MAT-files (level 5: the v5, v6 and v7 formats, compressed or not), as Delsys EMGworks and
 * many labs' own scripts export EMG and accelerometer data.
 *
 * <p>{@link io.clonus.io.mat.MatReader} opens a file and turns its numeric variables into named channels of
 * samples, with the sample rate the file states, by rules written out in its class description: vectors and
 * narrow matrices are channels, a cell array or char matrix of names labels a matrix's channels, one level of
 * struct is flattened ({@code data.EMG}), a scalar named like {@code fs} gives the rate. The parsing itself is
 * done by MFL ({@code us.hebi.matlab.mat:mfl-core}), an <em>optional</em> dependency of this library: a program
 * that reads {@code .mat} files declares it, and without it {@link io.clonus.io.mat.MatReader#read} says so.
 * MATLAB v7.3 files are HDF5 files and are refused with how to save them as v7.
 *
 * <p>A MAT-file holds each variable whole, and it is read whole, within limits checked before anything large
 * is allocated ({@link io.clonus.io.mat.MatReader#MAX_SAMPLES}); for recordings too long to hold in memory,
 * use EDF, which is streamed. Problems the user can fix are {@link io.clonus.io.InputException}s with a
 * one-line message naming the variable; the caller adds the file name. The reader is stateless and
 * thread-safe; what it returns is immutable (the sample arrays are shared, not copied: do not modify them).
 */
package io.clonus.io.mat;
