package dev.weft.weaver.targets;

import dev.weft.Async;
import dev.weft.Task;

import static dev.weft.Weft.*;
import static dev.weft.weaver.targets.Awaitables.v;

/** Thirty awaits in one method, each adding to a running sum, with locals of mixed types live throughout. */
public class ManyAwaits {

    @Async
    static Task<String> thirtyAwaits(int m) {
        double sum = 0;
        int i1 = await(v(m, 1));
        sum += i1;
        long l2 = await(v(m, 2L)) + Integer.MAX_VALUE;
        sum += l2;
        byte b3 = await(v(m, (byte) 3));
        sum += b3;
        short s4 = await(v(m, (short) 4));
        sum += s4;
        char c5 = await(v(m, (char) 5));
        sum += c5;
        float f6 = await(v(m, 6.5f));
        sum += f6;
        double d7 = await(v(m, 7.25));
        sum += d7;
        boolean z8 = await(v(m, true));
        sum += z8 ? 8 : 0;
        String s9 = await(v(m, "9"));
        sum += Integer.parseInt(s9);
        int[] a10 = await(v(m, new int[]{10}));
        sum += a10[0];
        Integer o11 = await(v(m, 11));
        sum += o11;
        long l12 = l2 + await(v(m, 12L));
        sum += l12 - l2;
        double d13 = d7 * await(v(m, 2.0)) - 1.5;
        sum += d13;
        int i14 = i1 + await(v(m, 13));
        sum += i14;
        float f15 = f6 + await(v(m, 8.5f));
        sum += f15;
        char c16 = (char) (c5 + await(v(m, 11)));
        sum += c16;
        short s17 = (short) (s4 + await(v(m, 13)));
        sum += s17;
        byte b18 = (byte) (b3 * await(v(m, 6)));
        sum += b18;
        String s19 = s9 + await(v(m, "1"));
        sum += Integer.parseInt(s19) - 72;
        long l20 = await(v(m, 20L));
        sum += l20;
        sum += await(v(m, 21));
        sum += await(v(m, 22L));
        sum += await(v(m, 23.0));
        sum += await(v(m, 24f));
        sum += await(v(m, (short) 25));
        sum += await(v(m, (byte) 26));
        sum += await(v(m, (char) 27));
        sum += await(v(m, 28)) + 0 * i1;
        sum += await(v(m, 29)) * (z8 ? 1 : -1);
        sum += await(v(m, 30)) + (a10.length - 1) + (o11 - 11) + (s9.length() - 1);
        String summary = i1 + "," + l2 + "," + b3 + "," + s4 + "," + (int) c5 + "," + f6 + "," + d7 + "," + z8
                + "," + s9 + "," + a10[0] + "," + o11 + "," + l12 + "," + d13 + "," + i14 + "," + f15 + ","
                + (int) c16 + "," + s17 + "," + b18 + "," + s19 + "," + l20;
        return done(sum + "|" + summary);
    }

    static String thirtyAwaitsSync() {
        double sum = 0;
        int i1 = 1;
        sum += i1;
        long l2 = 2L + Integer.MAX_VALUE;
        sum += l2;
        byte b3 = (byte) 3;
        sum += b3;
        short s4 = (short) 4;
        sum += s4;
        char c5 = (char) 5;
        sum += c5;
        float f6 = 6.5f;
        sum += f6;
        double d7 = 7.25;
        sum += d7;
        boolean z8 = true;
        sum += z8 ? 8 : 0;
        String s9 = "9";
        sum += Integer.parseInt(s9);
        int[] a10 = new int[]{10};
        sum += a10[0];
        Integer o11 = 11;
        sum += o11;
        long l12 = l2 + 12L;
        sum += l12 - l2;
        double d13 = d7 * 2.0 - 1.5;
        sum += d13;
        int i14 = i1 + 13;
        sum += i14;
        float f15 = f6 + 8.5f;
        sum += f15;
        char c16 = (char) (c5 + 11);
        sum += c16;
        short s17 = (short) (s4 + 13);
        sum += s17;
        byte b18 = (byte) (b3 * 6);
        sum += b18;
        String s19 = s9 + "1";
        sum += Integer.parseInt(s19) - 72;
        long l20 = 20L;
        sum += l20;
        sum += 21;
        sum += 22L;
        sum += 23.0;
        sum += 24f;
        sum += (short) 25;
        sum += (byte) 26;
        sum += (char) 27;
        sum += 28 + 0 * i1;
        sum += 29 * (z8 ? 1 : -1);
        sum += 30 + (a10.length - 1) + (o11 - 11) + (s9.length() - 1);
        String summary = i1 + "," + l2 + "," + b3 + "," + s4 + "," + (int) c5 + "," + f6 + "," + d7 + "," + z8
                + "," + s9 + "," + a10[0] + "," + o11 + "," + l12 + "," + d13 + "," + i14 + "," + f15 + ","
                + (int) c16 + "," + s17 + "," + b18 + "," + s19 + "," + l20;
        return sum + "|" + summary;
    }
}
