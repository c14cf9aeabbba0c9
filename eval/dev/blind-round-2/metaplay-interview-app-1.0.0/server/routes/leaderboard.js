const router = require('express').Router();
const scores = [];

router.get('/', (req, res) => {
  const limit = Math.min(Number(req.query.limit) || 10, 100);
  res.json([...scores].sort((a, b) => b.score - a.score).slice(0, limit));
});

router.post('/', (req, res) => {
  const { player, score } = req.body || {};
  if (typeof player !== 'string' || !Number.isFinite(score)) return res.status(400).json({ error: 'player and numeric score required' });
  const entry = { player: player.slice(0, 32), score, at: new Date().toISOString() };
  scores.push(entry);
  res.status(201).json(entry);
});

module.exports = router;
