const MS_HEX = `lpad(to_hex((extract(epoch FROM clock_timestamp()) * 1000)::bigint), 12, '0')`;

/**
 * SQL for a new delivery id, evaluated per row: a UUIDv7 (the time in ms first, then random
 * bits). Ids that grow with time keep the primary key's index writes on its last pages instead
 * of all over it. Works on any PostgreSQL Vafa supports (uuidv7() is 18+ only).
 */
export const NEW_DELIVERY_ID = `(substr(${MS_HEX}, 1, 8) || '-' || substr(${MS_HEX}, 9, 4)
    || '-7' || substr(gen_random_uuid()::text, 16, 3)
    || '-' || substr(gen_random_uuid()::text, 20, 17))::uuid`;
