package dev.workflowengine.core;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.values.NullValue;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A CEL expression over {@code state}, compiled once. CEL suits definitions a language model may
 * have written: it has no side effects and its cost is bounded. State values are converted to CEL
 * types on the way in (every integer is an {@code int}, every decimal a {@code double}, records
 * become maps) and back on the way out. Immutable and thread-safe.
 */
final class CelExpression {

  private static final Cel CEL =
      CelFactory.standardCelBuilder()
          // JSON does not say whether 1 is an int or a double: let 1 < 1.5 compare either way.
          .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true).build())
          .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
          .addVar("state", MapType.create(SimpleType.STRING, SimpleType.DYN))
          .build();

  private final String source;
  private final CelRuntime.Program program;
  private final CelKind resultKind;
  private final Set<String> keysRead; // null when the expression uses the state as a whole

  private CelExpression(
      String source, CelRuntime.Program program, CelKind resultKind, Set<String> keysRead) {
    this.source = source;
    this.program = program;
    this.resultKind = resultKind;
    this.keysRead = keysRead;
  }

  /** Compiles an expression, or explains in one message why it does not compile. */
  static CelExpression compile(String source) throws InvalidExpression {
    try {
      CelAbstractSyntaxTree ast = CEL.compile(source).getAst();
      return new CelExpression(
          source, CEL.createProgram(ast), ast.getResultType().kind(), keysRead(ast));
    } catch (CelValidationException e) {
      throw new InvalidExpression(describe(source, e));
    } catch (RuntimeException | dev.cel.common.CelException e) {
      throw new InvalidExpression("invalid CEL expression \"" + source + "\": " + e.getMessage());
    }
  }

  String source() {
    return source;
  }

  /** Whether the result may be a boolean: it is declared boolean or not known until run time. */
  boolean mayBeBoolean() {
    return resultKind == CelKind.BOOL || resultKind == CelKind.DYN || resultKind == CelKind.ANY;
  }

  String resultKind() {
    return resultKind.name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Evaluates the expression over a state and returns a JSON-shaped value. Only the keys the
   * expression reads are converted for CEL, so the cost follows the expression, not the state.
   */
  Object evaluate(WorkflowState state) throws CelEvaluationException {
    Map<String, Object> values = state.asMap();
    Object input;
    if (keysRead == null) {
      input = toCel(values);
    } else {
      Map<String, Object> read = new HashMap<>();
      for (String key : keysRead) {
        if (values.containsKey(key)) {
          read.put(key, toCel(values.get(key)));
        }
      }
      input = read;
    }
    return fromCel(program.eval(Map.of("state", input)), true);
  }

  /**
   * The top-level state keys an expression reads as {@code state.key}, or {@code null} when it also
   * uses {@code state} another way ({@code state['key']}, {@code 'key' in state}, {@code
   * size(state)}).
   */
  private static Set<String> keysRead(CelAbstractSyntaxTree ast) {
    Set<String> keys = new HashSet<>();
    boolean[] whole = {false};
    CelNavigableAst.fromAst(ast)
        .getRoot()
        .allNodes()
        .forEach(
            node -> {
              CelExpr expr = node.expr();
              if (expr.getKind() != CelExpr.ExprKind.Kind.IDENT
                  || !expr.ident().name().equals("state")) {
                return;
              }
              Optional<CelExpr> parent = node.parent().map(CelNavigableExpr::expr);
              if (parent.isPresent()
                  && parent.get().getKind() == CelExpr.ExprKind.Kind.SELECT
                  && parent.get().select().operand().id() == expr.id()) {
                keys.add(parent.get().select().field());
              } else {
                whole[0] = true;
              }
            });
    return whole[0] ? null : Set.copyOf(keys);
  }

  /** Why an evaluation failed, with a hint for the usual mistakes. */
  String explain(CelEvaluationException e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    String hint = "";
    if (message.contains("is not present in map")) {
      hint = "; test whether a key exists with has(state.key) before reading it";
    } else if (message.contains("No matching overload")) {
      hint = "; the values have types this operator does not accept, check what the state holds";
    }
    return "CEL expression \"" + source + "\" failed: " + message + hint;
  }

  private static String describe(String source, CelValidationException e) {
    List<String> messages = new ArrayList<>();
    for (CelIssue issue : e.getErrors()) {
      messages.add(
          issue.getMessage()
              + " (line "
              + issue.getSourceLocation().getLine()
              + ", column "
              + (issue.getSourceLocation().getColumn() + 1)
              + ")");
    }
    return "invalid CEL expression \"" + source + "\": " + String.join("; ", messages);
  }

  /** State values as CEL expects them. */
  static Object toCel(Object value) {
    if (value == null) {
      return NullValue.NULL_VALUE; // a Java null would be an unknown to CEL, not null
    }
    if (value instanceof String || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Integer
        || value instanceof Long
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    if (value instanceof Float || value instanceof Double || value instanceof BigDecimal) {
      return ((Number) value).doubleValue();
    }
    if (value instanceof BigInteger big) {
      return big.bitLength() < 64 ? big.longValue() : big.doubleValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> converted = new LinkedHashMap<>();
      map.forEach((key, element) -> converted.put(String.valueOf(key), toCel(element)));
      return converted;
    }
    if (value instanceof List<?> list) {
      List<Object> converted = new ArrayList<>(list.size());
      list.forEach(element -> converted.add(toCel(element)));
      return converted;
    }
    if (value instanceof Enum<?> constant) {
      return constant.name();
    }
    return toCel(Json.MAPPER.convertValue(value, Object.class));
  }

  /**
   * CEL results as state values; anything that is not JSON-shaped is refused. A null inside a list
   * or map stays null, as in JSON; a null result has nothing to store.
   */
  private Object fromCel(Object value, boolean topLevel) {
    if (value instanceof NullValue && !topLevel) {
      return null;
    }
    if (value instanceof String
        || value instanceof Boolean
        || value instanceof Long
        || value instanceof Double) {
      return value;
    }
    if (value instanceof Number number) {
      return number.longValue();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> converted = new LinkedHashMap<>();
      map.forEach((key, element) -> converted.put(String.valueOf(key), fromCel(element, false)));
      return Collections.unmodifiableMap(converted);
    }
    if (value instanceof List<?> list) {
      List<Object> converted = new ArrayList<>(list.size());
      list.forEach(element -> converted.add(fromCel(element, false)));
      return Collections.unmodifiableList(converted);
    }
    String type = value == null ? "null" : value.getClass().getSimpleName();
    throw new IllegalStateException(
        "CEL expression \""
            + source
            + "\" produced "
            + type
            + ", which the state cannot hold; produce a string, number, boolean, list or map");
  }

  /** Why an expression does not compile. */
  static final class InvalidExpression extends Exception {
    private static final long serialVersionUID = 1L;

    InvalidExpression(String message) {
      super(message, null, false, false);
    }
  }
}
