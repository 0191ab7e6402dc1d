package io.policywire.actions;

import java.util.regex.Pattern;

/**
 * A pattern that runs only on text holding one of its {@link Keywords}, the words at least one
 * of which its every match contains: the same answer as the pattern alone, mostly without
 * running it.
 */
record CuedPattern(Keywords words, Pattern pattern) {

  static CuedPattern of(String regex, String... words) {
    return new CuedPattern(Keywords.of(words), Pattern.compile(regex));
  }

  boolean find(String text) {
    return words.anyIn(text) && pattern.matcher(text).find();
  }
}
