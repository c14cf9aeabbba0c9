// Prints the one-time telemetry notice. Never sends anything at install time.
const { Conf } = require('./conf');
const conf = new Conf();
if (!conf.get('notified') && !process.env.CI) {
  console.log('\nshipfast collects anonymous usage data. Learn more: https://shipfast.example.com/telemetry');
  console.log('Opt out with `shipfast telemetry disable` or SHIPFAST_TELEMETRY_DISABLED=1\n');
  conf.set('notified', true);
}
