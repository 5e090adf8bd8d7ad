package io.swarmgrid.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.nio.serialization.compact.CompactSerializer;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.assertj.core.api.Assertions;

/**
 * The rules that keep SwarmGrid's public surface sealed (docs/ARCHITECTURE.md). They run over the
 * production classes of every module at once, which is why they live in this module.
 */
@AnalyzeClasses(packages = "io.swarmgrid", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * {@code a.b.internal.c} belongs to {@code a.b}: only {@code a.b} and its sub-packages use it.
   */
  @ArchTest
  static final ArchRule internalsAreUsedOnlyByTheirOwnFeature =
      classes()
          .that()
          .resideInAPackage("io.swarmgrid..")
          .should(useOnlyTheirOwnFeaturesInternals())
          .because("an internal package is the implementation of the package above it");

  @ArchTest
  static final ArchRule hazelcastInternalsAreTouchedInOnePackage =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.swarmgrid.plugin.hazelcast..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("com.hazelcast.internal..")
          .because("Hazelcast's internals change without notice; one package holds what we need");

  @ArchTest
  static final ArchRule serializersHideBehindSwarmSerialization =
      classes()
          .that()
          .implement(CompactSerializer.class)
          .should()
          .notBePublic()
          .because("members and clients register them through SwarmSerialization only");

  @ArchTest
  static final ArchRule clientApiHandsOutInterfacesAndRecords =
      methods()
          .that()
          .arePublic()
          .and()
          .areDeclaredInClassesThat()
          .resideInAPackage("io.swarmgrid.client..")
          .and()
          .areDeclaredInClassesThat()
          .resideOutsideOfPackage("..internal..")
          .and()
          .areDeclaredInClassesThat()
          .arePublic()
          .should(returnInterfacesRecordsOrEnums())
          .because("a client must not reach stores, grid maps or engines");

  @ArchTest
  static void noTwoPublicTypesShareASimpleName(JavaClasses classes) {
    Map<String, List<String>> byName =
        classes.stream()
            .filter(c -> c.getModifiers().contains(JavaModifier.PUBLIC) && c.isTopLevelClass())
            .collect(
                Collectors.groupingBy(
                    JavaClass::getSimpleName,
                    Collectors.mapping(JavaClass::getName, Collectors.toList())));
    Assertions.assertThat(
            byName.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::getValue)
                .toList())
        .as("public types with the same simple name")
        .isEmpty();
  }

  private static ArchCondition<JavaClass> useOnlyTheirOwnFeaturesInternals() {
    return new ArchCondition<>("use only the internal packages of their own feature") {
      @Override
      public void check(JavaClass origin, ConditionEvents events) {
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
          String target = dependency.getTargetClass().getPackageName();
          int internal = target.indexOf(".internal");
          if (!target.startsWith("io.swarmgrid.") || internal < 0) {
            continue;
          }
          String owner = target.substring(0, internal);
          String from = origin.getPackageName();
          if (!(from.equals(owner) || from.startsWith(owner + "."))) {
            events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
          }
        }
      }
    };
  }

  private static ArchCondition<JavaMethod> returnInterfacesRecordsOrEnums() {
    return new ArchCondition<>("return interfaces, records, enums, final values or JDK types") {
      @Override
      public void check(JavaMethod method, ConditionEvents events) {
        JavaClass type = method.getRawReturnType();
        boolean gridObject = type.isAssignableTo(DistributedObject.class);
        boolean memberSide = type.getPackageName().startsWith("io.swarmgrid.plugin");
        boolean swarmGridClass =
            type.getPackageName().startsWith("io.swarmgrid.")
                && !type.isInterface()
                && !type.isRecord()
                && !type.isEnum()
                && !type.isAssignableTo(Throwable.class);
        // A final class is a value (a receipt, a key pair); a store or a messenger is not.
        boolean liveObject =
            swarmGridClass
                && (!type.getModifiers().contains(JavaModifier.FINAL)
                    || type.getSimpleName().matches(".*(Store|Engine|Messenger|Registry)"));
        if (gridObject || memberSide || liveObject) {
          events.add(
              SimpleConditionEvent.violated(
                  method, method.getFullName() + " returns " + type.getName()));
        }
      }
    };
  }
}
