package io.policywire.kafka;

import io.policywire.config.PolicywireConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.DescribeConsumerGroupsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.GroupIdNotFoundException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdNotFoundException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Checks, before the pipeline starts, that its credentials work and that it may do everything it
 * will do, so a bad password or a missing ACL is one clear message at start-up instead of a
 * stream thread dying later. Each missing permission is named with the ACL that grants it.
 */
public final class AccessCheck {

  private static final long TIMEOUT_SECONDS = 30;

  private AccessCheck() {}

  /** Thrown with every problem found, one per line. */
  public static final class AccessDeniedException extends IllegalStateException {
    AccessDeniedException(String message) {
      super(message);
    }
  }

  /** Returns when everything is allowed; otherwise throws {@link AccessDeniedException}. */
  public static void verifyPipeline(PolicywireConfig config) {
    try (Admin admin = TopicApplier.admin(config)) {
      authenticate(admin, config);
      List<String> problems = new ArrayList<>();
      checkTopics(admin, config, problems);
      checkGroup(admin, config.applicationId(), problems);
      checkTransactionalIds(admin, config.applicationId(), problems);
      checkInternalTopics(admin, config.applicationId(), problems);
      if (!problems.isEmpty()) {
        throw new AccessDeniedException("the pipeline's principal lacks permissions on "
            + config.bootstrapServers() + ":\n  " + String.join("\n  ", problems)
            + "\n(`policywire acls --principal User:NAME` prints the ACLs it needs)");
      }
    }
  }

  private static void authenticate(Admin admin, PolicywireConfig config) {
    try {
      admin.describeCluster().nodes().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthenticationException auth) {
        throw new AccessDeniedException("cannot authenticate to " + config.bootstrapServers()
            + " (check the kafka.sasl.* or ssl settings): " + auth.getMessage());
      }
      throw new IllegalStateException("cannot reach Kafka at " + config.bootstrapServers()
          + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("cannot reach Kafka at " + config.bootstrapServers()
          + " within " + TIMEOUT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** Each topic on its own, so the message names exactly the ones the principal may not use. */
  private static void checkTopics(Admin admin, PolicywireConfig config, List<String> problems) {
    Map<String, KafkaFuture<TopicDescription>> futures = admin.describeTopics(
            config.topics().all(), new DescribeTopicsOptions().includeAuthorizedOperations(true))
        .topicNameValues();
    for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : futures.entrySet()) {
      try {
        Set<AclOperation> ops = topic.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
            .authorizedOperations();
        for (AclOperation needed : List.of(AclOperation.READ, AclOperation.WRITE)) {
          if (ops != null && !ops.contains(needed) && !ops.contains(AclOperation.ALL)) {
            problems.add(needed + " on topic " + topic.getKey());
          }
        }
      } catch (ExecutionException e) {
        if (e.getCause() instanceof TopicAuthorizationException) {
          problems.add("READ and WRITE on topic " + topic.getKey());
        } else if (e.getCause() instanceof UnknownTopicOrPartitionException) {
          problems.add("topic " + topic.getKey() + " does not exist; run `policywire topics "
              + "apply` first");
        } else {
          throw failure("describing topic " + topic.getKey(), e);
        }
      } catch (TimeoutException | InterruptedException e) {
        throw failure("describing topic " + topic.getKey(), e);
      }
    }
  }

  private static void checkGroup(Admin admin, String group, List<String> problems) {
    try {
      ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group),
              new DescribeConsumerGroupsOptions().includeAuthorizedOperations(true))
          .describedGroups().get(group).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      Set<AclOperation> ops = d.authorizedOperations();
      if (ops != null && !ops.contains(AclOperation.READ) && !ops.contains(AclOperation.ALL)) {
        problems.add("READ on consumer group " + group);
      }
    } catch (ExecutionException e) {
      if (e.getCause() instanceof GroupAuthorizationException) {
        problems.add("READ on consumer group " + group);
        return;
      }
      if (e.getCause() instanceof GroupIdNotFoundException) {
        // a group that never ran: describing it was allowed, which a READ ACL implies; a
        // DESCRIBE-only ACL would pass here and fail at the first poll
        return;
      }
      throw failure("describing the consumer group", e);
    } catch (TimeoutException | InterruptedException e) {
      throw failure("describing the consumer group", e);
    }
  }

  /** Exactly-once producers use ids starting with the application id; probe one that is unused. */
  private static void checkTransactionalIds(Admin admin, String app, List<String> problems) {
    String probe = app + "-policywire-access-check";
    try {
      admin.describeTransactions(List.of(probe)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof TransactionalIdAuthorizationException) {
        problems.add("WRITE and DESCRIBE on transactional ids with the prefix " + app);
      } else if (!(e.getCause() instanceof TransactionalIdNotFoundException)) {
        throw failure("probing transactional ids", e);
      }
    } catch (TimeoutException | InterruptedException e) {
      throw failure("probing transactional ids", e);
    }
  }

  /** Streams creates its repartition and changelog topics; validate-only creates nothing. */
  private static void checkInternalTopics(Admin admin, String app, List<String> problems) {
    String probe = app + "-policywire-access-check-changelog";
    try {
      admin.createTopics(List.of(new NewTopic(probe, 1, (short) 1)),
          new CreateTopicsOptions().validateOnly(true)).all()
          .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof AuthorizationException) {
        problems.add("CREATE (ALL) on topics with the prefix " + app + "- (internal topics)");
      }
      // any other refusal (replication factor, policy) is about the probe, not our rights
    } catch (TimeoutException | InterruptedException e) {
      throw failure("probing internal topic creation", e);
    }
  }

  private static IllegalStateException failure(String what, Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
    }
    Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
    return new IllegalStateException("access check failed " + what + ": " + cause.getMessage(),
        cause);
  }
}
