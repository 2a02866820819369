import { Text } from "@fluentui/react-components";

export function Logistics() {
  return <Text>Open orders appear here.</Text>;
}
