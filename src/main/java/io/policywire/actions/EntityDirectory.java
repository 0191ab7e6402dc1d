package io.policywire.actions;

import io.policywire.tag.KbEntity;
import io.policywire.tag.KnowledgeBase;

/**
 * What the detector needs to know about a tagged entity beyond the mention: its jurisdiction
 * and role. Backed by the knowledge base in the pipeline; tests pass their own.
 */
public interface EntityDirectory {

  /**
   * @param jurisdiction "US", "CN", "EU", "US-CA", … or null
   * @param role what the entity is ("US president", "regulator", "company"), or null
   */
  record Info(String jurisdiction, String role) {}

  /** Null when the id is unknown. */
  Info lookup(String entityId);

  EntityDirectory EMPTY = id -> null;

  /** The knowledge base's jurisdiction and role of each entity. */
  static EntityDirectory of(KnowledgeBase kb) {
    return id -> {
      KbEntity e = kb.get(id);
      return e == null ? null : new Info(e.jurisdiction(), e.role());
    };
  }
}
