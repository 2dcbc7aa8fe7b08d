package org.gradphoto.kernel.value;

/** An amount of renminbi in fen (1 yuan = 100 fen). Integer only: never floating point. */
public record Money(long fen) implements Comparable<Money> {
  public static final Money ZERO = new Money(0);

  public Money {
    if (fen < 0) {
      throw new IllegalArgumentException("an amount cannot be negative");
    }
  }

  public static Money ofFen(long fen) {
    return new Money(fen);
  }

  /** Parses a yuan amount such as {@code 25}, {@code 25.5} or {@code 25.50} exactly. */
  public static Money parseYuan(String yuan) {
    if (yuan == null || !yuan.strip().matches("\\d{1,9}(\\.\\d{1,2})?")) {
      throw new IllegalArgumentException("an amount in yuan has at most two decimals");
    }
    String[] parts = yuan.strip().split("\\.");
    long whole = Long.parseLong(parts[0]) * 100;
    long cents = parts.length == 1 ? 0 : Long.parseLong((parts[1] + "0").substring(0, 2));
    return new Money(whole + cents);
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(fen, other.fen));
  }

  /** The amount as yuan with two decimals, e.g. {@code 25.00}. */
  public String toYuanString() {
    return fen / 100 + "." + String.format("%02d", fen % 100);
  }

  @Override
  public int compareTo(Money o) {
    return Long.compare(fen, o.fen);
  }
}
