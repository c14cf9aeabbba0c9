export async function nodeCheck() {
  const major = Number(process.versions.node.split('.')[0]);
  return { name: 'node', status: major >= 20 ? 'ok' : major >= 18 ? 'warn' : 'fail', detail: `v${process.versions.node}` };
}
