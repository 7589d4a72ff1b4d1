// Prints as JSON what kube-service-bindings' getBinding(type, client[, {id}]) returns from the
// folder SERVICE_BINDING_ROOT names, as a Node app configured by it would get it; its error on stderr, exit 1.
import bindings from 'kube-service-bindings';

// The package warns with console.log; stdout is for the binding alone.
console.log = (...parts) => console.error(...parts);

const [type, client, id] = process.argv.slice(2);
try {
  const binding = bindings.getBinding(type, client, id === undefined ? undefined : { id });
  process.stdout.write(JSON.stringify(binding));
} catch (error) {
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
