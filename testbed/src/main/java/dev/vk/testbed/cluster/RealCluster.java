package dev.vk.testbed.cluster;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against the one real control plane that all such classes of the JVM share; a
 * {@link ControlPlane} constructor or test method parameter receives it. The cluster starts before
 * the first annotated class, in netns {@value RealClusterExtension#NETNS} with subnet {@value
 * RealClusterExtension#SUBNET} (so it never collides with the demo on 10.250.0) and state dir
 * {@code <repo>/testbed/target/e2e-cluster}, and stops with down.sh when the test run ends. Tests
 * must not stop it; they should give their nodes and objects unique names and clean them up.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(RealClusterExtension.class)
public @interface RealCluster {}
