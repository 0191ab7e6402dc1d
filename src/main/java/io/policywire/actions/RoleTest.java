package io.policywire.actions;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * A question about an entity's role ("does it hold a public office?"), answered once per
 * distinct role and remembered: a knowledge base has few roles, an article many mentions, and
 * each answer takes a few regular expressions. A null role answers false.
 */
final class RoleTest {

  private final Predicate<String> question;
  private final Map<String, Boolean> answers = new ConcurrentHashMap<>();

  RoleTest(Predicate<String> question) {
    this.question = question;
  }

  boolean test(String role) {
    return role != null && answers.computeIfAbsent(role, question::test);
  }
}
