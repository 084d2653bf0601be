// The services' own MongoDB users (docker-compose.yml, README "Securing the stack").
//
// The mongo image runs this once, on its first start with an empty volume, authenticated as
// MONGO_INITDB_ROOT_USERNAME (mounted into /docker-entrypoint-initdb.d). Each user lives in the admin database and
// holds one role on MONGO_DB and nothing else:
//   MONGO_INGEST_USERNAME  readWrite  the fetcher and the writer (documents, indexes, ingestion_runs, the crawl lock)
//   MONGO_BROWSE_USERNAME  read       the browse service, which only ever reads
// Later changes to these variables do not reach an existing volume: change a password with the root user
// (db.getSiblingDB('admin').changeUserPassword(...)) and then in .env.
const database = process.env.MONGO_DB || 'peakon';

function user(who, nameVariable, passwordVariable, role) {
  const name = process.env[nameVariable];
  const password = process.env[passwordVariable];
  if (!name || !password) {
    throw new Error(`${nameVariable} and ${passwordVariable} are required (the ${who} user)`);
  }
  db.getSiblingDB('admin').createUser({ user: name, pwd: password, roles: [{ role: role, db: database }] });
  print(`peakon-ingest: created the ${who} user '${name}' (${role} on ${database})`);
}

user('ingest', 'MONGO_INGEST_USERNAME', 'MONGO_INGEST_PASSWORD', 'readWrite');
user('browse', 'MONGO_BROWSE_USERNAME', 'MONGO_BROWSE_PASSWORD', 'read');
