import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

const installed = new WeakSet<Storage>();

/**
 * class-validator looks up a class's rules on every validation of every nested object, and that
 * look-up walks the rules of every class in the program (for inherited ones): about a tenth of a
 * checkout's time in the API. The rules are fixed once the classes are loaded, so the answers
 * are kept per class and options, and forgotten whenever a rule is added.
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (installed.has(storage)) {
    return;
  }
  installed.add(storage);
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  let answers = new Map<unknown, Map<string, ReturnType<Lookup>>>();
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = `${schema}\u0000${always}\u0000${strictGroups}\u0000${(groups ?? []).join('\u0000')}`;
    let byOptions = answers.get(target);
    if (!byOptions) {
      byOptions = new Map();
      answers.set(target, byOptions);
    }
    let answer = byOptions.get(options);
    if (!answer) {
      answer = lookup(target, schema, always, strictGroups, groups);
      byOptions.set(options, answer);
    }
    // A copy: the caller may not change what later callers get.
    return [...answer];
  };
  const addValidation = storage.addValidationMetadata.bind(storage);
  storage.addValidationMetadata = (metadata) => {
    answers = new Map();
    addValidation(metadata);
  };
  const addConstraint = storage.addConstraintMetadata.bind(storage);
  storage.addConstraintMetadata = (metadata) => {
    answers = new Map();
    addConstraint(metadata);
  };
}
