const express = require('express');
const cors = require('cors');
require('dotenv').config();
const { connectDB, initConfig } = require('./config');
const leaderboard = require('./routes/leaderboard');

const app = express();
app.use(cors());
app.use(express.json());
app.use('/api/leaderboard', leaderboard);
app.get('/api/health', (req, res) => res.json({ ok: true }));

const PORT = process.env.PORT || 5000;
initConfig();
connectDB().finally(() => app.listen(PORT, () => console.log(`Server running on port ${PORT}`)));
