-- Migration 0004_lowercase_emails: written by hand (data only, no schema change).
-- Orders and tickets now store email addresses normalised (trimmed, lower case), as members
-- and staff already did, so that comparisons ignore the case a buyer typed.

UPDATE "Order" SET "buyerEmail" = lower(trim("buyerEmail")) WHERE "buyerEmail" <> lower(trim("buyerEmail"));
UPDATE "Ticket" SET "attendeeEmail" = lower(trim("attendeeEmail")) WHERE "attendeeEmail" <> lower(trim("attendeeEmail"));
