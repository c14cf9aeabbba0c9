'use strict';
const { compileNamed } = require('./named');
const { retrying, isRetryable } = require('./retry');
const { validate } = require('./health');

function detect(pool) { return typeof pool.execute === 'function' && !pool.totalCount ? 'mysql' : 'pg'; }

function wrap(pool, { dialect = detect(pool), retries = 3, log } = {}) {
  async function run(client, sql, params) {
    let query = sql;
    if (params && !Array.isArray(params)) {
      const c = compileNamed(sql, dialect);
      query = { text: c.text, values: c.values(params) };
    } else if (Array.isArray(params)) query = { text: sql, values: params };
    query = validate(client, query);
    const started = Date.now();
    const res = dialect === 'mysql' ? await client.execute(query.text || query, query.values) : await client.query(query);
    if (log) log({ sql: (query.text || query).slice(0, 200), ms: Date.now() - started });
    return dialect === 'mysql' ? { rows: res[0], fields: res[1] } : res;
  }
  return {
    query: (sql, params) => retrying(() => run(pool, sql, params), { attempts: retries }),
    one: async (sql, params) => { const r = await retrying(() => run(pool, sql, params), { attempts: retries }); if (r.rows.length !== 1) throw new Error(`expected 1 row, got ${r.rows.length}`); return r.rows[0]; },
    many: async (sql, params) => (await retrying(() => run(pool, sql, params), { attempts: retries })).rows,
    async tx(fn, { isolation = 'READ COMMITTED' } = {}) {
      return retrying(async () => {
        const client = dialect === 'mysql' ? await pool.getConnection() : await pool.connect();
        try {
          await run(client, dialect === 'mysql' ? `SET TRANSACTION ISOLATION LEVEL ${isolation}` : 'BEGIN');
          if (dialect === 'mysql') await client.beginTransaction(); else await run(client, `SET TRANSACTION ISOLATION LEVEL ${isolation}`);
          const out = await fn({ query: (s, p) => run(client, s, p) });
          if (dialect === 'mysql') await client.commit(); else await run(client, 'COMMIT');
          return out;
        } catch (e) {
          try { if (dialect === 'mysql') await client.rollback(); else await run(client, 'ROLLBACK'); } catch (_) {}
          throw e;
        } finally { client.release(); }
      }, { attempts: retries });
    },
    end: () => pool.end()
  };
}
module.exports = { wrap, compileNamed, isRetryable };
