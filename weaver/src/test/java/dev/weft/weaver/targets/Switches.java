package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;
import static dev.weft.weaver.targets.Awaitables.v;

/** Switch statements and switch expressions on int, String and enum with awaits in selectors and cases. */
public class Switches {
    public enum Color { RED, GREEN, BLUE, BLACK }

    // ---- statements ------------------------------------------------------------------------------------------------

    @Async
    static Task<String> intStatement(int m, int key) {
        StringBuilder sb = new StringBuilder();
        switch (await(v(m, key))) {
            case 1:
                sb.append(await(v(m, "one")));
                // fall through
            case 2:
                sb.append(await(v(m, "two")));
                break;
            case 3:
            case 4:
                int local = await(v(m, key * 100));
                sb.append(local);
                break;
            case 1000:
                sb.append("thousand");
                break;
            default:
                await(sleep(1));
                sb.append("default").append(await(v(m, key)));
        }
        sb.append(';');
        switch (key) {
            case -5:
                sb.append(await(v(m, "neg")));
                break;
            case 7:
                sb.append(await(v(m, 'S')));
                break;
            default:
                break;
        }
        return done(sb.toString());
    }

    static String intStatementSync(int key) {
        StringBuilder sb = new StringBuilder();
        switch (key) {
            case 1:
                sb.append("one");
                // fall through
            case 2:
                sb.append("two");
                break;
            case 3:
            case 4:
                int local = key * 100;
                sb.append(local);
                break;
            case 1000:
                sb.append("thousand");
                break;
            default:
                sb.append("default").append(key);
        }
        sb.append(';');
        switch (key) {
            case -5:
                sb.append("neg");
                break;
            case 7:
                sb.append('S');
                break;
            default:
                break;
        }
        return sb.toString();
    }

    @Async
    static Task<String> stringStatement(int m, String key) {
        String result;
        switch (await(v(m, key))) {
            case "alpha":
                result = "A" + await(v(m, 1));
                break;
            case "Aa":   // same hashCode as "BB"
                result = "Aa" + await(v(m, 2));
                break;
            case "BB":
                result = "BB" + await(v(m, 3));
                break;
            default:
                result = "?" + await(v(m, key.length()));
        }
        return done(result);
    }

    static String stringStatementSync(String key) {
        String result;
        switch (key) {
            case "alpha":
                result = "A" + 1;
                break;
            case "Aa":
                result = "Aa" + 2;
                break;
            case "BB":
                result = "BB" + 3;
                break;
            default:
                result = "?" + key.length();
        }
        return result;
    }

    @Async
    static Task<String> enumStatement(int m, Color color) {
        int score = 0;
        switch (await(v(m, color))) {
            case RED:
                score += await(v(m, 1));
                // fall through
            case GREEN:
                score += await(v(m, 10));
                break;
            case BLUE:
                score = -await(v(m, 100));
                break;
            default:
                score = color.ordinal() * await(v(m, 1000));
        }
        return done(color + "=" + score);
    }

    static String enumStatementSync(Color color) {
        int score = 0;
        switch (color) {
            case RED:
                score += 1;
                // fall through
            case GREEN:
                score += 10;
                break;
            case BLUE:
                score = -100;
                break;
            default:
                score = color.ordinal() * 1000;
        }
        return color + "=" + score;
    }

    // ---- expressions -----------------------------------------------------------------------------------------------

    @Async
    static Task<String> intExpression(int m, int key) {
        long base = 1L << 40;
        long value = base + switch (await(v(m, key))) {
            case 0 -> await(v(m, 5L));
            case 1, 2 -> {
                long t = await(v(m, 7L));
                await(sleep(1));
                yield t * key;
            }
            case 3 -> -1L;
            default -> {
                if (key < 0) {
                    yield await(v(m, (long) key));
                }
                yield 99L + await(v(m, 1));
            }
        };
        String label = "k" + switch (key) {
            case 0 -> "zero" + await(v(m, '!'));
            default -> String.valueOf(await(v(m, key)));
        };
        return done(value + ":" + label);
    }

    static String intExpressionSync(int key) {
        long base = 1L << 40;
        long value = base + switch (key) {
            case 0 -> 5L;
            case 1, 2 -> {
                long t = 7L;
                yield t * key;
            }
            case 3 -> -1L;
            default -> {
                if (key < 0) {
                    yield (long) key;
                }
                yield 99L + 1;
            }
        };
        String label = "k" + switch (key) {
            case 0 -> "zero" + '!';
            default -> String.valueOf(key);
        };
        return value + ":" + label;
    }

    @Async
    static Task<String> stringExpression(int m, String key) {
        int n = 3 * switch (await(v(m, key))) {
            case "Aa" -> await(v(m, 10));
            case "BB" -> {
                int x = await(v(m, 20));
                yield x + await(v(m, 1));
            }
            case "" -> 0;
            default -> key.length();
        };
        return done(key + "->" + n);
    }

    static String stringExpressionSync(String key) {
        int n = 3 * switch (key) {
            case "Aa" -> 10;
            case "BB" -> {
                int x = 20;
                yield x + 1;
            }
            case "" -> 0;
            default -> key.length();
        };
        return key + "->" + n;
    }

    @Async
    static Task<String> enumExpression(int m, Color color) {
        String name = "c:" + switch (await(v(m, color))) {
            case RED -> await(v(m, "r"));
            case GREEN, BLUE -> {
                String s = await(v(m, color.name().toLowerCase()));
                yield s + await(v(m, s.length()));
            }
            case BLACK -> "k";
        };
        double weight = switch (color) {
            case RED -> 1.5;
            case GREEN -> await(v(m, -0.0));
            default -> await(v(m, 2.0)) * color.ordinal();
        };
        return done(name + "/" + weight);
    }

    static String enumExpressionSync(Color color) {
        String name = "c:" + switch (color) {
            case RED -> "r";
            case GREEN, BLUE -> {
                String s = color.name().toLowerCase();
                yield s + s.length();
            }
            case BLACK -> "k";
        };
        double weight = switch (color) {
            case RED -> 1.5;
            case GREEN -> -0.0;
            default -> 2.0 * color.ordinal();
        };
        return name + "/" + weight;
    }

    /** A switch expression used as a constructor argument and as a call argument. */
    @Async
    static Task<String> switchExpressionAsArgument(int m, int key) {
        StackOperands.Pair p = new StackOperands.Pair(switch (key) {
            case 1 -> await(v(m, "one"));
            default -> {
                String s = await(v(m, "many"));
                yield s + key;
            }
        }, await(v(m, key)));
        String f = StackOperands.f(key, switch (await(v(m, key))) {
            case 1 -> 10;
            default -> await(v(m, 20));
        }, "z");
        return done(p + "|" + f);
    }

    static String switchExpressionAsArgumentSync(int key) {
        StackOperands.Pair p = new StackOperands.Pair(switch (key) {
            case 1 -> "one";
            default -> {
                String s = "many";
                yield s + key;
            }
        }, key);
        String f = StackOperands.f(key, switch (key) {
            case 1 -> 10;
            default -> 20;
        }, "z");
        return p + "|" + f;
    }
}
