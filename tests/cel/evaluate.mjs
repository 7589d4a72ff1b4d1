// Reads {"expression": "...", "variables": [{"name", "expression"}], "activations": [{...}, ...]}
// on stdin and prints, one per activation, the expression's value or {"error": "..."}: an error is
// what the API server would meet (and failurePolicy decide). Variables are worked out in order, as
// a ValidatingAdmissionPolicy's are, each seeing those before it as variables.NAME.
import { evaluate } from '@marcbachmann/cel-js'

let input = ''
for await (const chunk of process.stdin) input += chunk
const { expression, variables = [], activations } = JSON.parse(input)
const results = activations.map(activation => {
  try {
    const context = { ...activation, variables: {} }
    for (const variable of variables) {
      context.variables[variable.name] = evaluate(variable.expression, context)
    }
    return evaluate(expression, context)
  } catch (e) {
    return { error: String(e.message ?? e).split('\n')[0] }
  }
})
process.stdout.write(JSON.stringify(results))
