ALTER TABLE public_keys
    DROP COLUMN public_key_scheme;
