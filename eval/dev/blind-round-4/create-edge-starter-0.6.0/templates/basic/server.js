export default { fetch() { return new Response('hello from the edge'); } };
