export * from '.quarry/client';
