-- Trigram search for Thai and English names (typo tolerant). PGlite loads it through its contrib bundle.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
