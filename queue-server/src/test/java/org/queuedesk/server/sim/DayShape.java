package org.queuedesk.server.sim;

import java.util.List;

/**
 * One kind of clinic day: arrivals per hour from 08:00 for each service (Poisson), who works, who pauses
 * and who leaves early. GP consultations take 12 minutes on average, blood tests 5 (lognormal).
 *
 * @param gpPerHour     walk-in and appointment arrivals at general practice, one entry per hour from 08:00
 * @param bloodPerHour  arrivals at blood tests, per hour from 08:00
 * @param gps           general practitioners working (gp1..gpN), each in a room of their own
 * @param earlyClose    a GP (not gp1, who holds appointments) closes the session at 10:30
 * @param nursePause    the only nurse pauses 15 minutes some time between 09:00 and 11:00
 */
record DayShape(String name, double[] gpPerHour, double[] bloodPerHour, int gps, boolean earlyClose,
                boolean nursePause) {

    static DayShape quiet() {
        return new DayShape("quiet", new double[] {8, 8, 7, 5}, new double[] {6, 5, 4, 3}, 3, false, false);
    }

    static DayShape busy() {
        return new DayShape("busy", new double[] {15, 16, 15, 12}, new double[] {11, 12, 10, 8}, 3, true, false);
    }

    static DayShape oneDoctorShort() {
        return new DayShape("one doctor short", new double[] {10, 11, 10, 8}, new double[] {8, 8, 7, 5}, 2, false,
                true);
    }

    static DayShape morningSurge() {
        return new DayShape("morning surge", new double[] {24, 12, 8, 5}, new double[] {16, 8, 5, 3}, 3, false, true);
    }

    static List<DayShape> all() {
        return List.of(quiet(), busy(), oneDoctorShort(), morningSurge());
    }
}
