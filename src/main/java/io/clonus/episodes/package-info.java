/**
 * Stage 3 of the pipeline, episodes: candidates linked into chains, chains judged, accepted chains grown
 * into episodes. {@link io.clonus.episodes.ChainTracker} does the linking and growing and hands each chain
 * to the package's acceptance rules ({@link io.clonus.detect.AcceptanceRule}, each with its measured value
 * and limit when it fails), then builds the {@link io.clonus.detect.Episode} with its class. Every
 * threshold is in {@link io.clonus.detect.Thresholds}.
 */
package io.clonus.episodes;
