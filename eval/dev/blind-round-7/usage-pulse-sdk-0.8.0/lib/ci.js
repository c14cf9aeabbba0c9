'use strict';
const VENDORS = [
  ['GitHub Actions', 'GITHUB_ACTIONS'], ['GitLab CI', 'GITLAB_CI'], ['CircleCI', 'CIRCLECI'], ['Travis CI', 'TRAVIS'],
  ['Jenkins', 'JENKINS_URL'], ['Buildkite', 'BUILDKITE'], ['Azure Pipelines', 'TF_BUILD'], ['Bitbucket', 'BITBUCKET_BUILD_NUMBER'],
  ['Vercel', 'VERCEL'], ['Netlify', 'NETLIFY'], ['AWS CodeBuild', 'CODEBUILD_BUILD_ARN']
];
function detect(env = process.env) {
  for (const [name, key] of VENDORS) if (env[key]) return { isCI: true, name };
  return { isCI: !!(env.CI && env.CI !== 'false'), name: null };
}
module.exports = { detect };
