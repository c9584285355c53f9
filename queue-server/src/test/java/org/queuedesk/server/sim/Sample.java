package org.queuedesk.server.sim;

/**
 * One ticket of a simulated day: its real wait (issue to first call, minutes) and what each estimator said
 * at issue. A null estimate is "unknown".
 */
record Sample(String shape, String service, String priority, int issuedMinuteOfDay, double realMinutes, Estimate fresh,
              Estimate today, Estimate naive) {

    /** A point and a range in minutes. */
    record Estimate(double point, double low, double high) {

        double error(double real) {
            return Math.abs(point - real);
        }

        boolean holds(double real) {
            return real >= low && real <= high;
        }
    }
}
