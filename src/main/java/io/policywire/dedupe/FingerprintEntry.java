package io.policywire.dedupe;

/**
 * What the exact-dedupe index remembers per fingerprint: the story it founded and its canonical
 * (earliest published) copy.
 */
public record FingerprintEntry(String storyId, String canonicalId, String canonicalPublishedAt) {}
