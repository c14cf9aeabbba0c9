const { Kind } = require('graphql');
exports.operationNames = doc => doc.definitions.filter(d => d.kind === Kind.OPERATION_DEFINITION && d.name).map(d => d.name.value);
exports.fragmentNames = doc => doc.definitions.filter(d => d.kind === Kind.FRAGMENT_DEFINITION).map(d => d.name.value);
