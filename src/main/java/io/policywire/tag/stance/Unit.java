package io.policywire.tag.stance;

/** One unit of a sentence: a word, a punctuation mark, or a whole entity mention. */
final class Unit {
  final int start;
  final int end;
  final String norm;
  final int sentence;
  String entity;
  String type;
  boolean anaphor;
  /** "Brazil's Supreme Court", "the EU's AI Act": the name that owns the next one. */
  Unit possessed;
  boolean speechQuoteMark;
  int region = -1;
  /** What the lexicon knows of the word, looked up once (nothing for an entity). */
  StanceLexicon.Entry lx = StanceLexicon.EMPTY;

  /** The word classes of the word (the F_ bits), looked up once. */
  final int flags;

  Unit(int start, int end, String norm, int sentence) {
    this.start = start;
    this.end = end;
    this.norm = norm;
    this.sentence = sentence;
    this.flags = StanceWords.FLAGS.getOrDefault(norm, 0);
  }

  boolean has(int flag) {
    return (flags & flag) != 0;
  }

  boolean isEntity() {
    return entity != null;
  }

  boolean is(String word) {
    return entity == null && norm.equals(word);
  }

  boolean isPunct() {
    return entity == null && norm.length() == 1 && !Character.isLetterOrDigit(norm.charAt(0));
  }
}
