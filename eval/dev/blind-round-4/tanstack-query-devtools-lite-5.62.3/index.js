'use strict';
function QueryDevtoolsLite(props) {
  const client = props.client;
  const queries = client.getQueryCache().getAll();
  return queries.map((q) => ({ key: JSON.stringify(q.queryKey), status: q.state.status, updatedAt: q.state.dataUpdatedAt }));
}
module.exports = { QueryDevtoolsLite };
