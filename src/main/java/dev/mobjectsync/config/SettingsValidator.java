package dev.mobjectsync.config;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigValidationException;
import io.smallrye.config.ConfigValidator;
import io.smallrye.config.WithName;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * Checks this application's configuration mappings ({@link SyncConfig}, the simulator's) when the configuration
 * is read, before anything starts: the constraints declared on their keys ({@code @Min}, {@code @Max},
 * {@code @DecimalMin}, {@code @DecimalMax}, {@code @Pattern}, {@code @NotBlank}, also on an {@code Optional}'s
 * value) and the rules between keys ({@link BatchSizeFitsGateway}). Every problem is reported at once, one line
 * each, {@code <key> <message>}, in Quarkus' "Configuration validation failed" block.
 * <p>
 * It stands in for Hibernate Validator, which Quarkus would build at every start for all its configuration
 * mappings (about 0.45 s of a 4 s start, BENCHMARKS.md) to check the few of ours. Installed by
 * {@link SettingsValidatorInstaller}.
 */
public class SettingsValidator implements ConfigValidator {

    private static final String OWN_PACKAGE = "dev.mobjectsync.";

    @Override
    public void validateMapping(Class<?> mappingClass, String prefix, Object mapping) {
        if (!mappingClass.getName().startsWith(OWN_PACKAGE)) {
            return;
        }
        List<String> problems = problems(mappingClass, prefix, mapping);
        if (!problems.isEmpty()) {
            throw new ConfigValidationException(
                    problems.stream().map(ConfigValidationException.Problem::new)
                            .toArray(ConfigValidationException.Problem[]::new));
        }
    }

    /** Every problem of one mapping, {@code <key> <message>}; empty when it is valid. */
    static List<String> problems(Class<?> mappingClass, String prefix, Object mapping) {
        List<String> problems = new ArrayList<>();
        check(mappingClass, prefix, mapping, problems);
        if (mapping instanceof SyncConfig sync) {
            BatchSizeFitsGateway.problem(sync).ifPresent(problem -> problems.add(prefix + "." + problem));
        }
        return problems;
    }

    private static void check(Class<?> group, String prefix, Object values, List<String> problems) {
        for (Method key : group.getMethods()) {
            if (key.getParameterCount() > 0 || key.isDefault() || Modifier.isStatic(key.getModifiers())) {
                continue;
            }
            String name = prefix + "." + name(key);
            Object value = read(key, values);
            Class<?> type = key.getReturnType();
            if (type.isInterface() && type.getName().startsWith(OWN_PACKAGE) && value != null) {
                check(type, name, value, problems);
                continue;
            }
            if (value instanceof Optional<?> optional) {
                if (optional.isPresent()) {
                    checkValue(name, optional.get(), optionalValueConstraints(key), problems);
                }
                continue;
            }
            checkValue(name, value, key.getAnnotations(), problems);
        }
    }

    private static Annotation[] optionalValueConstraints(Method key) {
        AnnotatedType returned = key.getAnnotatedReturnType();
        if (returned instanceof AnnotatedParameterizedType parameterized) {
            return parameterized.getAnnotatedActualTypeArguments()[0].getAnnotations();
        }
        return new Annotation[0];
    }

    private static void checkValue(String name, Object value, Annotation[] constraints, List<String> problems) {
        for (Annotation constraint : constraints) {
            String message = failure(constraint, value);
            if (message != null) {
                problems.add(name + " " + message);
            }
        }
    }

    /** The constraint's message when the value breaks it, otherwise {@code null}. */
    private static String failure(Annotation constraint, Object value) {
        if (constraint instanceof Min min && value instanceof Number number && number.longValue() < min.value()) {
            return message(min.message(), value, min.value());
        }
        if (constraint instanceof Max max && value instanceof Number number && number.longValue() > max.value()) {
            return message(max.message(), value, max.value());
        }
        if (constraint instanceof DecimalMin min && value instanceof Number number) {
            int compared = decimal(number).compareTo(new BigDecimal(min.value()));
            return compared < 0 || (compared == 0 && !min.inclusive()) ? message(min.message(), value, min.value())
                    : null;
        }
        if (constraint instanceof DecimalMax max && value instanceof Number number) {
            int compared = decimal(number).compareTo(new BigDecimal(max.value()));
            return compared > 0 || (compared == 0 && !max.inclusive()) ? message(max.message(), value, max.value())
                    : null;
        }
        if (constraint instanceof Pattern pattern && value != null
                && !java.util.regex.Pattern.matches(pattern.regexp(), value.toString())) {
            return message(pattern.message(), value, pattern.regexp());
        }
        if (constraint instanceof NotBlank notBlank && (value == null || value.toString().isBlank())) {
            return message(notBlank.message(), value, "");
        }
        return null;
    }

    /** The message with {@code ${validatedValue}} and {@code {value}} filled in, as Bean Validation does. */
    private static String message(String template, Object value, Object limit) {
        return template.replace("${validatedValue}", String.valueOf(value)).replace("{value}", String.valueOf(limit));
    }

    private static BigDecimal decimal(Number number) {
        return number instanceof Double || number instanceof Float ? BigDecimal.valueOf(number.doubleValue())
                : BigDecimal.valueOf(number.longValue());
    }

    /** The key's name as the mapping reads it: {@code @WithName}, else the method's name in kebab case. */
    private static String name(Method key) {
        WithName withName = key.getAnnotation(WithName.class);
        return withName != null ? withName.value() : key.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .toLowerCase();
    }

    private static Object read(Method key, Object values) {
        try {
            return key.invoke(values);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read configuration key " + key.getName(), e);
        }
    }
}
