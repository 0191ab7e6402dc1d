package io.policywire.model;

/** Who is for or against whom in an article, with the sentence it rests on. */
public record StanceTag(
    String holder, String target, String stance, double confidence, String evidence) {}
