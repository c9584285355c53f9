-- Issue 11, the booking's speed: a slot's places are counted over booked, checked-in AND missed bookings
-- (missed ones keep their place), so the partial index of V11 (booked and checked-in only) never served that
-- count and every capacity check read the whole table. This one serves it, the free-slot search's count per
-- range, and the count of a doctor's day. The old one served nothing, so it goes: one index less per write.
CREATE INDEX appointments_by_doctor_slot ON appointments(doctor, slot_start, state);
DROP INDEX appointments_by_slot;
