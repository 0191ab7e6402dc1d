package io.policywire.kafka;

import io.policywire.config.PolicywireConfig;
import io.policywire.config.TopicNames;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The least privilege the pipeline needs, as prefixed ACLs: read and write the contract's topics
 * (it reads raw and, for its query views, its own outputs), everything on its own internal
 * (repartition and changelog) topics, its consumer group, and its transactional ids. Nothing on
 * the cluster and nothing on other applications' topics. Topics are created by
 * {@code topics apply} under an administrator's credentials, not by the pipeline.
 */
public final class PipelineAcls {

  private PipelineAcls() {}

  public static List<AclBinding> forPipeline(PolicywireConfig config, String principal) {
    String contractPrefix = config.topics().of(commonPrefix());
    String app = config.applicationId();
    List<AclBinding> acls = new ArrayList<>();
    for (AclOperation op : List.of(AclOperation.READ, AclOperation.WRITE, AclOperation.DESCRIBE)) {
      acls.add(allow(principal, ResourceType.TOPIC, contractPrefix, op));
    }
    acls.add(allow(principal, ResourceType.TOPIC, app + "-", AclOperation.ALL));
    acls.add(allow(principal, ResourceType.GROUP, app, AclOperation.READ));
    acls.add(allow(principal, ResourceType.TRANSACTIONAL_ID, app, AclOperation.WRITE));
    acls.add(allow(principal, ResourceType.TRANSACTIONAL_ID, app, AclOperation.DESCRIBE));
    return acls;
  }

  /** What {@code produce} needs: write the raw topic (idempotent producer). */
  public static List<AclBinding> forProducer(PolicywireConfig config, String principal) {
    return List.of(
        allow(principal, ResourceType.TOPIC, config.topics().raw(), AclOperation.WRITE),
        allow(principal, ResourceType.TOPIC, config.topics().raw(), AclOperation.DESCRIBE));
  }

  /** "news." : the part every contract topic name starts with. */
  static String commonPrefix() {
    String first = TopicNames.ALL.get(0);
    String prefix = first.substring(0, first.indexOf('.') + 1);
    for (String name : TopicNames.ALL) {
      if (!name.startsWith(prefix)) {
        throw new IllegalStateException("contract topic " + name + " outside " + prefix);
      }
    }
    return prefix;
  }

  private static AclBinding allow(String principal, ResourceType type, String prefix,
      AclOperation op) {
    return new AclBinding(new ResourcePattern(type, prefix, PatternType.PREFIXED),
        new AccessControlEntry(principal, "*", op, AclPermissionType.ALLOW));
  }

  /** One line per ACL, as {@code acls} prints them. */
  public static String describe(AclBinding acl) {
    return String.format("ALLOW %-10s %-16s %-8s %s*  for %s", acl.entry().operation(),
        acl.pattern().resourceType(), acl.pattern().patternType(), acl.pattern().name(),
        acl.entry().principal());
  }
}
